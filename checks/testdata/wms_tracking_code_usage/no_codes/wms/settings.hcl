auto_account_creation = false
