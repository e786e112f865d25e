## bwlint developer targets. `make help` lists them.

.PHONY: help test update lint fuzz bench ci build

help: ## list targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# urfave_cli_no_docs leaves out urfave/cli's man-page and Markdown
# generators, which bwlint does not use: their Markdown library costs every
# run about 1 ms and 70 page faults of package initialisation.
build: ## build bin/bwlint, stamped with the commit it is built from
	go build -buildvcs=auto -tags urfave_cli_no_docs -o bin/bwlint ./cmd/bwlint

test: ## run the tests
	go test ./...

# The packages whose tests keep golden files: those whose tests import the
# one golden-file helper (inputs/golden, or lint/linttest, which uses it).
GOLDEN_PKGS = $$(go list -f '{{.ImportPath}} {{join .Deps " "}} {{join .TestImports " "}} {{join .XTestImports " "}}' ./... | \
	grep -E ' github.com/bwlint/bwlint/(inputs/golden|lint/linttest)( |$$)' | cut -d' ' -f1 | grep -v -E '/(inputs/golden|lint/linttest)$$')

update: ## rewrite golden files and generated docs after an intended change
	go test $(GOLDEN_PKGS) -update

lint: ## run golangci-lint with .golangci.yml
	golangci-lint run ./...

fuzz: ## fuzz every parser for 30 seconds each
	go test ./inputs/source -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=30s
	go test ./inputs/source -run='^$$' -fuzz='^FuzzLines$$' -fuzztime=30s
	go test ./inputs/session -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/bwcli -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/digest -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/showver -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/tagset -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/ocip -run='^$$' -fuzz='^FuzzRead$$' -fuzztime=30s
	go test ./inputs/ocip -run='^$$' -fuzz='^FuzzDeclEncoding$$' -fuzztime=30s
	go test ./inputs/users -run='^$$' -fuzz='^FuzzParseCSV$$' -fuzztime=30s
	go test ./inputs/partnerhub -run='^$$' -fuzz='^FuzzParseTemplate$$' -fuzztime=30s
	go test ./inputs/partnerhub -run='^$$' -fuzz='^FuzzParseCluster$$' -fuzztime=30s
	go test ./inputs/partnerhub/internal/jsonpos -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/wms -run='^$$' -fuzz='^FuzzParseUsers$$' -fuzztime=30s
	go test ./inputs/wms -run='^$$' -fuzz='^FuzzParseSSO$$' -fuzztime=30s -fuzzminimizetime=5s
	go test ./inputs/wms -run='^$$' -fuzz='^FuzzParseSettings$$' -fuzztime=30s
	go test ./inputs/pslog -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s -fuzzminimizetime=5s
	go test ./lint/config -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=30s
	go test ./inputs/source -run='^$$' -fuzz='^FuzzTextSecrets$$' -fuzztime=30s

bench: ## parser and lint benchmarks
	go test ./inputs/... ./lint/... ./cmd/... -run='^$$' -bench=. -benchmem

ci: ## what CI runs
	bash .ci/run
