check "config_waiver_unused" {
  not_applicable = ["xsp2"]
}
