host "as1" {
}
