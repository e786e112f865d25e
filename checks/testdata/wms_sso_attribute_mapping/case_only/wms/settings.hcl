# Meetings Server administration, as shown on 2024-06-03
# Users > SSO
auto_account_creation = true
auto_account_update   = true

# Users > Tracking Codes
tracking_code "TC1" {
  name   = "Cost center"
  usage  = "required"
  input  = "dropdown"
  values = ["CC-4410", "CC-4420", "CC-4430"]
  inactive_values = ["CC-1000"]
}
