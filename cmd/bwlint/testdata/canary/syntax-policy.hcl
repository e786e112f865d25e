rule "x" {
  key    = "provisioningPassword"
  equals = "Cnry34a
}
