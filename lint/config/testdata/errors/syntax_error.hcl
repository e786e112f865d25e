lint {
  fail_on = "warning"
