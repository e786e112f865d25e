lint {
  fail_on = "error"
}

lint {
  fail_on = "note"
}
