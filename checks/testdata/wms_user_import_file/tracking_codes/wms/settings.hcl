auto_account_creation = true

tracking_code "TC1" {
  name   = "Cost center"
  usage  = "required"
  input  = "dropdown"
  values = ["CC-4410", "CC-4420"]
  inactive_values = ["CC-1000"]
}

tracking_code "TC2" {
  name  = "Region"
  usage = "required"
  input = "text"
}

tracking_code "TC4" {
  input = "text"
}

# not in use: its input mode does not matter
tracking_code "TC6" {
  usage = "not_used"
}
