host "as1" {
  role = "application-server"
}
