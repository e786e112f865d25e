lint {
  missing_evidence = "ignore"
}
