host "as3" {
  release = "24.0"
}
