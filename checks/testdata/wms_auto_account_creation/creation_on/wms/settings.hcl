# Users > SSO
auto_account_creation = true
auto_account_update   = false
