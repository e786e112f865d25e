lint {
  fail_on = var.threshold
}
