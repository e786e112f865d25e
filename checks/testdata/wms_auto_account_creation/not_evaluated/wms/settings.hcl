# Users > SSO
auto_account_creation = false
auto_account_update   = false
