# Meetings Server administration, as shown on 2024-06-03
auto_account_creation = true
auto_account_update   = true

tracking_code "TC1" {
  name   = "Cost center"
  usage  = "required"
  input  = "dropdown"
  values = ["CC-4410", "CC-4420"]
}

tracking_code "TC2" {
  name  = "Region"
  usage = "optional"
  input = "text"
}

tracking_code "TC3" {
  name   = "Project"
  usage  = "not_used"
  input  = "dropdown"
  values = ["Apollo"]
}
