package corpus

import (
	"fmt"
	"strings"
	"time"
)

// ParseDate parses a date leniently and returns it as YYYY-MM-DD.
//
// It accepts:
//   - YYYY-MM-DD, YYYY/MM/DD and YYYYMMDD, optionally followed by a time
//     ("2025-05-16T10:30:00Z", "2025-05-16 10:30:00.5 +02:00");
//   - dates with a month name, full or abbreviated, in any case, and an
//     optional leading weekday and trailing time: "May 16, 2025",
//     "May 16 2025", "16 May 2025", "Fri, 16 May 2025 10:30:00 GMT",
//     "Friday, May 16th, 2025 at 10:30 am";
//   - the layouts of ANSI C, Unix date(1) and RFC 850.
//
// The date is the one written: a timestamp's time zone is not converted,
// since the day a text was published is the day its author saw. Numeric
// day-month orders such as 05/16/2025 are rejected because they are
// ambiguous. An empty or whitespace-only string returns "" and no error.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if d, ok := parseNumericDate(s); ok {
		return d, nil
	}
	if d, ok := parseWordDate(s); ok {
		return d, nil
	}
	for _, layout := range []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC850} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", fmt.Errorf("cannot parse %q as a date", s)
}

// parseNumericDate parses YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD at the start of
// s, followed by nothing or by 'T' or a space and a time.
func parseNumericDate(s string) (string, bool) {
	var y, m, d int
	var rest string
	switch {
	case len(s) >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]:
		var ok1, ok2, ok3 bool
		y, ok1 = atoiDigits(s[0:4])
		m, ok2 = atoiDigits(s[5:7])
		d, ok3 = atoiDigits(s[8:10])
		if !ok1 || !ok2 || !ok3 {
			return "", false
		}
		rest = s[10:]
	case len(s) >= 8:
		var ok bool
		y, ok = atoiDigits(s[0:4])
		if !ok {
			return "", false
		}
		m, ok = atoiDigits(s[4:6])
		if !ok {
			return "", false
		}
		d, ok = atoiDigits(s[6:8])
		if !ok {
			return "", false
		}
		rest = s[8:]
	default:
		return "", false
	}
	if rest != "" {
		if rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ' {
			return "", false
		}
		if !validTimePart(rest[1:], true) {
			return "", false
		}
	}
	return formatYMD(y, m, d)
}

// parseWordDate parses dates written with a month name: an optional
// weekday, then "month day year" or "day month year", then an optional time.
func parseWordDate(s string) (string, bool) {
	// Commas separate parts but carry no meaning here.
	fields := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(fields) > 0 && isWeekday(fields[0]) {
		fields = fields[1:]
	}
	if len(fields) < 3 {
		return "", false
	}
	var m, d int
	var ok bool
	if m, ok = monthNumber(fields[0]); ok {
		d, ok = dayNumber(fields[1])
	} else if d, ok = dayNumber(fields[0]); ok {
		m, ok = monthNumber(fields[1])
	}
	if !ok || len(fields[2]) != 4 {
		return "", false
	}
	y, ok := atoiDigits(fields[2])
	if !ok {
		return "", false
	}
	rest := fields[3:]
	if len(rest) > 0 && strings.EqualFold(rest[0], "at") {
		rest = rest[1:]
	}
	if len(rest) > 0 && !validTimePart(strings.Join(rest, " "), false) {
		return "", false
	}
	if len(fields) > 3 && len(rest) == 0 {
		// A dangling "at".
		return "", false
	}
	return formatYMD(y, m, d)
}

// formatYMD formats a date after checking that it exists.
func formatYMD(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// validTimePart reports whether s is a clock time (hh:mm, hh:mm:ss or
// hh:mm:ss.fff) followed by optional zone words, offsets or am/pm. When
// attached is true, a zone may follow the clock directly, as in RFC 3339.
func validTimePart(s string, attached bool) bool {
	s = strings.TrimLeft(s, " ")
	rest, ok := skipClock(s)
	if !ok {
		return false
	}
	if attached && rest != "" && rest[0] != ' ' {
		// "10:30:00Z" or "10:30:00+02:00": the zone is glued to the clock.
		if !validZone(rest) {
			return false
		}
		return true
	}
	for _, f := range strings.Fields(rest) {
		if !validZone(f) && !isMeridiem(f) {
			return false
		}
	}
	return true
}

// skipClock consumes hh:mm[:ss[.fraction]] at the start of s.
func skipClock(s string) (string, bool) {
	h, s, ok := leadingDigits(s, 1, 2)
	if !ok || h > 24 || len(s) == 0 || s[0] != ':' {
		return "", false
	}
	m, s, ok := leadingDigits(s[1:], 2, 2)
	if !ok || m > 59 {
		return "", false
	}
	if len(s) > 0 && s[0] == ':' {
		var sec int
		sec, s, ok = leadingDigits(s[1:], 2, 2)
		if !ok || sec > 60 {
			return "", false
		}
		if len(s) > 0 && (s[0] == '.' || s[0] == ',') {
			_, s, ok = leadingDigits(s[1:], 1, 9)
			if !ok {
				return "", false
			}
		}
	}
	return s, true
}

// validZone accepts "Z", a zone abbreviation such as "UTC" or "CEST",
// a numeric offset such as "+02", "+0200" or "-07:00", and an
// abbreviation with an offset such as "GMT+2" or "UTC+02:00".
func validZone(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i > 5 {
		return false
	}
	if i == len(s) {
		return i > 0
	}
	s = s[i:]
	if s[0] != '+' && s[0] != '-' {
		return false
	}
	s = s[1:]
	h, s, ok := leadingDigits(s, 1, 2)
	if !ok || h > 14 {
		return false
	}
	if s == "" {
		return true
	}
	s = strings.TrimPrefix(s, ":")
	m, s, ok := leadingDigits(s, 2, 2)
	return ok && m < 60 && s == ""
}

func isMeridiem(s string) bool {
	switch strings.ToLower(s) {
	case "am", "pm", "a.m.", "p.m.":
		return true
	}
	return false
}

var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// isWeekday accepts a weekday name, full or abbreviated to at least three
// letters ("Mon", "Tues", "Thurs"), with an optional trailing period.
func isWeekday(s string) bool {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return false
	}
	for _, name := range weekdayNames {
		if strings.HasPrefix(name, s) {
			return true
		}
	}
	return false
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthNumber accepts a month name, full or abbreviated to at least three
// letters ("Sep", "Sept"), with an optional trailing period.
func monthNumber(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	for i, name := range monthNames {
		if strings.HasPrefix(name, s) {
			return i + 1, true
		}
	}
	return 0, false
}

// dayNumber accepts a day of the month, with an optional English ordinal
// suffix ("1st", "16th").
func dayNumber(s string) (int, bool) {
	d, rest, ok := leadingDigits(s, 1, 2)
	if !ok {
		return 0, false
	}
	switch strings.ToLower(rest) {
	case "", "st", "nd", "rd", "th":
		return d, true
	}
	return 0, false
}

// leadingDigits reads between min and max ASCII digits at the start of s.
func leadingDigits(s string, min, max int) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && i < max && '0' <= s[i] && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i < min {
		return 0, s, false
	}
	return n, s[i:], true
}

// atoiDigits converts a string made only of ASCII digits.
func atoiDigits(s string) (int, bool) {
	n, rest, ok := leadingDigits(s, len(s), len(s))
	return n, ok && rest == "" && s != ""
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
