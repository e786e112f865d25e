lint {
  checks = ["ns_*"]
}
