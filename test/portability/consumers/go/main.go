// Loads the contract with kin-openapi (the loader behind oapi-codegen), validates the
// document, then judges each case's body against every operation's request body schema.
//   go run main.go <document> <cases.json>   →   JSON report on stdout
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

type report struct {
	Loaded     bool                `json:"loaded"`
	LoadError  string              `json:"loadError,omitempty"`
	Validate   string              `json:"validate"`
	Operations map[string][]bool   `json:"operations"`
	Reasons    map[string][]string `json:"reasons"`
}

func main() {
	out := report{Operations: map[string][]bool{}, Reasons: map[string][]string{}}
	defer func() { _ = json.NewEncoder(os.Stdout).Encode(out) }()

	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(os.Args[1])
	if err != nil {
		out.LoadError = err.Error()
		return
	}
	out.Loaded = true
	out.Validate = "ok"
	if err := doc.Validate(context.Background()); err != nil {
		out.Validate = err.Error()
	}

	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var cases []struct {
		Body json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(raw, &cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	paths := make([]string, 0, len(doc.Paths))
	for path := range doc.Paths {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		for method, op := range doc.Paths[path].Operations() {
			if op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			schema := op.RequestBody.Value.Content.Get("application/json").Schema.Value
			key := method + " " + path
			for _, c := range cases {
				var value interface{}
				if err := json.Unmarshal(c.Body, &value); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(2)
				}
				verr := schema.VisitJSON(value)
				out.Operations[key] = append(out.Operations[key], verr == nil)
				reason := ""
				if verr != nil {
					reason = strings.SplitN(verr.Error(), "\n", 2)[0]
				}
				out.Reasons[key] = append(out.Reasons[key], reason)
			}
		}
	}
}
