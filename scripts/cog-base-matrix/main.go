// cog-base-matrix prints the r8.im/cog-base images the pinned Cog release publishes: the
// configurations `cog base-image generate-matrix` lists (dockerfile.BaseImageConfigurations),
// sorted, as JSON. scripts/cog-base-matrix.sh turns it into src/dockerfile/data/cog-base-images.json.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/replicate/cog/pkg/dockerfile"
)

type image struct {
	Cuda   string `json:"cuda"`
	Python string `json:"python"`
	Torch  string `json:"torch"`
	Tag    string `json:"tag"`
}

func main() {
	seen := map[string]bool{}
	out := []image{}
	for _, c := range dockerfile.BaseImageConfigurations() {
		tag := dockerfile.BaseImageName(c.CUDAVersion, c.PythonVersion, c.TorchVersion)
		key := c.CUDAVersion + "|" + c.PythonVersion + "|" + c.TorchVersion
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, image{c.CUDAVersion, c.PythonVersion, c.TorchVersion, tag})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Tag < out[j].Tag })
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
