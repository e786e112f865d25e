auto_account_update = true
