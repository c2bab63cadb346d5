// The static-schema oracle: Cog's own Go generator (github.com/replicate/cog/pkg/schema, the
// code `cog build` runs) on a project directory. It only parses Python; it runs nothing.
//
// Usage: cog-static-schema DIR PREDICT_REF TRAIN_REF   (either ref may be "")
package main

import (
	"fmt"
	"os"

	"github.com/replicate/cog/pkg/schema"
	"github.com/replicate/cog/pkg/schema/python"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: cog-static-schema DIR PREDICT_REF TRAIN_REF")
		os.Exit(2)
	}
	os.Unsetenv("COG_OPENAPI_SCHEMA")
	out, err := schema.GenerateCombined(os.Args[1], os.Args[2], os.Args[3], schema.PathAwareParser(python.ParsePredictorWithSourcePath))
	if err != nil {
		fmt.Printf("{\"error\": %q}\n", err.Error())
		return
	}
	fmt.Printf("{\"schema\": %s}\n", out)
}
