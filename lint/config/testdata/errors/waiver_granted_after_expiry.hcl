waiver "as2-patch-window" {
  check       = "as_required_patches"
  reason      = "patch in change CHG-1234"
  owner       = "voice-ops"
  approved_by = "change board CAB-77"
  granted     = "2027-02-01"
  expires     = "2027-01-31"
}
