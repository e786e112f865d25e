lint {
  missing_evidence = "report"
}
