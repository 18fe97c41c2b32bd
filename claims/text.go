package claims

import "unicode"

// IsControl reports whether r is a control character other than a line feed
// or a tab: what neither stored article text nor a message printed to the
// terminal may carry.
func IsControl(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }
