lint {
  checks = ["xsp_[a"]
}
