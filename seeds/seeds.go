// Package seeds embeds the five sample articles claimtrack was started from;
// `claimtrack demo` reads them.
package seeds

import "embed"

// Files holds the articles as *.txt at the root of the file system.
//
//go:embed *.txt
var Files embed.FS
