# bwlint in a container: docker build -t bwlint . && docker run --rm -v "$PWD:/work" bwlint lint captures/
# The build stage compiles a static binary; the final image holds only it,
# on distroless's static image, and runs as its non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=""
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -tags urfave_cli_no_docs \
      -ldflags "-s -w -X github.com/bwlint/bwlint/lint.version=${VERSION}" \
      -o /out/bwlint ./cmd/bwlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bwlint /usr/local/bin/bwlint
USER nonroot:nonroot
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/bwlint"]
CMD ["--help"]
