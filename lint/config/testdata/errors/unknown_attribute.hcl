lint {
  fail_onn = "error"
}
