lint {
  fail_on = "warn"
}
