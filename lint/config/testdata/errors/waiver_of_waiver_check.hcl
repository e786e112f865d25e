waiver "quiet" {
  check   = "config_waiver_unused"
  reason  = "too noisy"
  expires = "2027-01-31"
}
