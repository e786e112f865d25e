# A policy that sets something in every block, for bwlint config.
lint {
  fail_on          = "error"
  missing_evidence = "report"
  checks           = ["as_*", "xsp_*", "config_waiver_expired"]
}

check "xsp_certificate_auth_flags" {
  severity       = "warning"
  not_applicable = ["xsp9"]
  expect = {
    allowClientApp = true
    allowUserApp   = true
  }
}

host "as1" {
  role    = "as"
  release = "24.0"
}

cluster "bw-cluster-1" {
  xsps = ["xsp1", "xsp2"]
}

waiver "old-window" {
  check   = "as_required_patches"
  reason  = "closed change CHG-1000"
  owner   = "voice-ops"
  expires = "2026-01-31"
}
