lnt {
  fail_on = "error"
}
