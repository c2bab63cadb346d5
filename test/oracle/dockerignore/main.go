// Docker's own .dockerignore matching, as an oracle for src/fs/dockerignore.ts: reads
// {"dockerignore": "...", "paths": ["..."]} cases as JSON lines on stdin and prints, per case,
// either the refusal or one boolean per path (excluded or not), exactly as BuildKit decides:
// ignorefile.ReadAll, patternmatcher.New, MatchesOrParentMatches.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

type request struct {
	Dockerignore string   `json:"dockerignore"`
	Paths        []string `json:"paths"`
}

type answer struct {
	Error    string `json:"error,omitempty"`
	Excluded []bool `json:"excluded,omitempty"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			panic(err)
		}
		out.Encode(decide(req))
	}
}

func decide(req request) answer {
	patterns, err := ignorefile.ReadAll(strings.NewReader(req.Dockerignore))
	if err != nil {
		return answer{Error: err.Error()}
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return answer{Error: err.Error()}
	}
	excluded := make([]bool, len(req.Paths))
	for i, p := range req.Paths {
		m, err := pm.MatchesOrParentMatches(p)
		if err != nil {
			return answer{Error: err.Error()}
		}
		excluded[i] = m
	}
	return answer{Excluded: excluded}
}
