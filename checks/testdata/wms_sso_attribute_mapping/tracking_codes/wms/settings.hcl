auto_account_creation = true
auto_account_update   = false

tracking_code "TC1" {
  name   = "Cost center"
  usage  = "required"
  input  = "dropdown"
  values = ["CC-4410", "CC-4420"]
  inactive_values = ["CC-1000"]
}

tracking_code "TC2" {
  usage  = "optional"
  input  = "dropdown"
  values = ["North", "South"]
}

tracking_code "TC3" {
  name   = "Project"
  usage  = "optional"
  input  = "dropdown"
  values = ["Apollo"]
  inactive_values = ["Gemini"]
}

tracking_code "TC5" {
  usage = "required"
}

# not in use: its input mode does not matter
tracking_code "TC6" {
  usage = "not_used"
}
