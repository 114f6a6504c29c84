package tag

import "testing"

func TestPunctTag(t *testing.T) {
	for _, tt := range []struct {
		text       string
		start, end int
		want       string
		ok         bool
	}{
		{"Kyiv", 0, 4, "", false},
		{"a", 0, 1, "", false},
		{"2025", 0, 4, "", false},
		{"", 0, 0, "", false},
		{"Étienne", 0, 8, "", false},
		{`he said "no"`, 8, 9, "``", true},
		{`he said "no"`, 11, 12, "''", true},
		{"(“no”)", 0, 1, "(", true},
		{"(“no”)", 1, 4, "``", true},
		{"(“no”)", 6, 9, "''", true},
		{"(“no”)", 9, 10, ")", true},
		{"talks—and", 5, 8, ":", true},
		{"a -- b", 2, 4, ":", true},
		{"so...", 2, 5, ".", true},
		{"wait…", 4, 7, ".", true},
		{"yes, no", 3, 4, ",", true},
		{"$5", 0, 1, "$", true},
		{"«non»", 0, 2, "``", true},
	} {
		got, ok := PunctTag(tt.text, tt.start, tt.end)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PunctTag(%q[%d:%d]) = %q, %v; want %q, %v", tt.text, tt.start, tt.end, got, ok, tt.want, tt.ok)
		}
	}
}
