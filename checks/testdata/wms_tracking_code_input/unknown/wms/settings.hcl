tracking_code "TC4" {
  name = "Department"
}
