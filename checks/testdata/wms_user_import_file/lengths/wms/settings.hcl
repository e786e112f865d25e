tracking_code "TC1" {
  usage = "optional"
  input = "text"
}
