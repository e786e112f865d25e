host "as1" {
  release = "twenty-four"
}
