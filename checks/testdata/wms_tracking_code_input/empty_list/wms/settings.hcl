tracking_code "TC7" {
  usage = "optional"
  input = "dropdown"
  inactive_values = ["Old"]
}
