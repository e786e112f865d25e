auto_account_creation = true
auto_account_update   = true

tracking_code "TC1" {
  name  = "Cost center"
  usage = "optional"
  input = "text"
}

tracking_code "TC2" {
  usage = "not_used"
}
