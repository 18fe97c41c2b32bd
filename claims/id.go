package claims

import "strings"

// SpreadsheetSafe returns a hex id no spreadsheet program reads as a number.
// Ids are hex digits of a hash; about one in 800 has no letter but e and
// reads as a number: "0402153380397860" loses its leading zero and
// "00509286384015e7" becomes 5.09E+21, which breaks every join on it. Such
// an id gets a letter for its first digit (0→a, 1→b … 5→f, 6→a …); every
// other id is returned as it is. The rule maps an old numeric id to its new
// form, so a lookup can accept both.
func SpreadsheetSafe(id string) string {
	if !readsAsNumber(id) {
		return id
	}
	return string("abcdef"[(id[0]-'0')%6]) + id[1:]
}

// readsAsNumber reports an id of digits only, or of digits with one e
// between them (a number in scientific notation).
func readsAsNumber(id string) bool {
	mantissa, exponent, scientific := strings.Cut(id, "e")
	if mantissa == "" || !allDigits(mantissa) {
		return false
	}
	return !scientific || exponent != "" && allDigits(exponent)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
