lint {
  fail_on = "warning"
  fail_onn = "error"
}
