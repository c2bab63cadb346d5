// cog-oracle prints the Dockerfile (and staged requirements.txt) that the pinned Cog release's
// own generator library produces for a project directory, with Docker and the registry replaced
// by Cog's own test doubles, so it runs offline and never touches an engine or a registry.
// It is a test oracle only; scripts/cog-oracle.sh builds it against a local Cog source tree.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/replicate/cog/pkg/config"
	"github.com/replicate/cog/pkg/docker/dockertest"
	"github.com/replicate/cog/pkg/dockerfile"
	"github.com/replicate/cog/pkg/registry/registrytest"
)

func main() {
	cogBase := flag.String("use-cog-base-image", "auto", "true, false or auto (Cog's default)")
	flag.Parse()
	dir := flag.Arg(0)
	if err := run(dir, *cogBase); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(dir, cogBase string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "cog.yaml"))
	if err != nil {
		return err
	}
	conf, err := config.FromYAML(raw)
	if err != nil {
		return err
	}
	if err := conf.Complete(dir); err != nil {
		return err
	}
	client := registrytest.NewMockRegistryClient()
	// Every cog-base tag the release publishes "exists"; nothing else does.
	for _, c := range dockerfile.BaseImageConfigurations() {
		client.AddMockImage(dockerfile.BaseImageName(c.CUDAVersion, c.PythonVersion, c.TorchVersion))
	}
	buildDir, err := os.MkdirTemp("", "cog-oracle-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(buildDir)
	gen, err := dockerfile.NewStandardGenerator(conf, dir, buildDir, "", dockertest.NewMockCommand(), client, true)
	if err != nil {
		return err
	}
	switch cogBase {
	case "true":
		gen.SetUseCogBaseImage(true)
	case "false":
		gen.SetUseCogBaseImage(false)
	}
	out, err := gen.GenerateDockerfileWithoutSeparateWeights(context.Background())
	if err != nil {
		return err
	}
	fmt.Println(out)
	if req, err := os.ReadFile(filepath.Join(buildDir, "requirements.txt")); err == nil {
		fmt.Println("=== requirements.txt")
		fmt.Println(string(req))
	}
	return nil
}
