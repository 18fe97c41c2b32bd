package reader

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. Geological Survey (USGS) measured it. AFAD gave 7.4.",
			[]string{"The U.S. Geological Survey (USGS) measured it.", "AFAD gave 7.4."}},
		{"Mr. Kim met Gen. Park on Jan. 5 in Seoul. They talked.",
			[]string{"Mr. Kim met Gen. Park on Jan. 5 in Seoul.", "They talked."}},
		{"It centred on 50 W. Washington St. in Chicago. A third view came from G. Keith Still, a scientist.",
			[]string{"It centred on 50 W. Washington St. in Chicago.", "A third view came from G. Keith Still, a scientist."}},
		{"Headline without a stop\nFirst sentence. \"Quoted,\" he said. Second one?\n\nNext paragraph.",
			[]string{"Headline without a stop", "First sentence.", "\"Quoted,\" he said.", "Second one?", "Next paragraph."}},
		{"\"We exchanged views.\" Lavrov said it. The figure was 7.8 and 1.5. End",
			[]string{"\"We exchanged views.\"", "Lavrov said it.", "The figure was 7.8 and 1.5.", "End"}},
		{"N.Korea, Russia discuss issues. Done.", []string{"N.Korea, Russia discuss issues.", "Done."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range SplitSentences(tt.text, 0) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

func TestSplitSentencesParagraphs(t *testing.T) {
	got := SplitSentences("One. Two.\n\nThree.\nFour.", 0)
	var paras []int
	for _, s := range got {
		paras = append(paras, s.Paragraph)
	}
	if want := []int{0, 0, 1, 2}; !reflect.DeepEqual(paras, want) {
		t.Errorf("paragraphs = %v, want %v", paras, want)
	}
}

func TestSplitSentencesBoundsLength(t *testing.T) {
	text := strings.Repeat("word 12 ", 2000) // 16 KB with no stop
	got := SplitSentences(text, 0)
	if len(got) < 8 {
		t.Fatalf("got %d sentences", len(got))
	}
	for _, s := range got {
		if s.End-s.Start > maxSentenceBytes || s.Start >= s.End {
			t.Errorf("sentence %d..%d", s.Start, s.End)
		}
	}
}
