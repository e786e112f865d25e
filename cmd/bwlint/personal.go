package main

import (
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

// maskPersonalFlag is --mask-personal-data of lint and diff.
func maskPersonalFlag() cli.Flag {
	return &cli.BoolFlag{Name: "mask-personal-data",
		Usage: "mask names, email addresses and phone numbers in every format, for reports that leave the organisation; default off, or the policy's mask_personal_data"}
}

// maskPersonal decides whether the reports mask personal data: the policy
// says so unless the flag is given explicitly.
func maskPersonal(c *cli.Context, cfg *config.Config) bool {
	if m, ok := cfg.MaskPersonalData(); ok && !c.IsSet("mask-personal-data") {
		return m
	}
	return c.Bool("mask-personal-data")
}
