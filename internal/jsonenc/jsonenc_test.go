package jsonenc

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/standpoint/standpoint/internal/jsonenc/jsonenctest"
)

func TestString(t *testing.T) {
	for _, s := range []string{
		"", "NN", "kyiv", `say "no"`, `back\slash`, "<b>&amp;</b>",
		"\x00\x01\x1f\x7f", "\b\f\n\r\t", "line\u2028para\u2029",
		"Москва", "ça", "😀", "\xff", "a\xc3", "\xed\xa0\x80", "\u00ad\ufeff",
	} {
		want, err := jsonenctest.Value(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(String([]byte("x"), s)); got != "x"+want {
			t.Errorf("String(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("say \"no\"\x01\u2028")
	f.Add("\xffМосква")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := jsonenctest.Value(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(String(nil, s)); got != want {
			t.Fatalf("String(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestFloat(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -4, 3.4, 0.1, 1e-6, 9.99e-7, 1e-7, 5e-324, 1e20, 1e21, -2.5e21, 123456789.125, math.MaxFloat64} {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Float([]byte("x"), f); err != nil || string(got) != "x"+string(want) {
			t.Errorf("Float(%v) = %s, %v, want x%s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := Float(nil, f); err == nil {
			t.Errorf("Float(%v): no error", f)
		}
	}
}

func FuzzFloat(f *testing.F) {
	f.Add(-4.5)
	f.Add(1e-9)
	f.Fuzz(func(t *testing.T, x float64) {
		want, werr := json.Marshal(x)
		got, err := Float(nil, x)
		if (err != nil) != (werr != nil) || err == nil && string(got) != string(want) {
			t.Fatalf("Float(%v) = %s, %v, want %s, %v", x, got, err, want, werr)
		}
	})
}

func TestList(t *testing.T) {
	str := func(b []byte, s *string) []byte { return String(b, *s) }
	for _, xs := range [][]string{nil, {}, {"a"}, {"a", "b\n", ""}} {
		want, err := json.Marshal(xs)
		if err != nil {
			t.Fatal(err)
		}
		if got := List([]byte("x"), xs, str); string(got) != "x"+string(want) {
			t.Errorf("List(%q) = %s, want x%s", xs, got, want)
		}
	}
}

func TestFields(t *testing.T) {
	got := IntField(StringField([]byte("x"), `{"a":`, "<\"b\">"), `,"n":`, -12)
	if want := `x{"a":"<\"b\">","n":-12`; string(got) != want {
		t.Errorf("fields = %s, want %s", got, want)
	}
}
