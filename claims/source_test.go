package claims

import "testing"

func TestNamedSource(t *testing.T) {
	tests := []struct {
		name, key, voice string
	}{
		{"National Intelligence Service", "national intelligence service", "South Korea"},
		{"NIS", "national intelligence service", "South Korea"},
		{"the NIS", "national intelligence service", "South Korea"},
		{"South Korea's spy agency", "national intelligence service", "South Korea"},
		{"senior US military official", "senior us military official", "United States"},
		{"senior U.S. military official", "senior us military official", "United States"},
		{"White House", "white house", "United States"},
		{"John Kirby", "john kirby", "United States"},
		{"KCNA", "korean central news agency", "North Korea"},
		{"Reuters", "reuters", "Reuters"},
		{"Indivisible Chicago", "indivisible chicago", "Indivisible"},
		{"Chicago Police Department", "chicago police department", "Chicago Police Department"},
		{"G. Keith Still", "g keith still", "g keith still"},
		{"Western officials", "western officials", "western officials"},
		// A country's body not listed in affiliations.txt speaks for its
		// government (state_bodies.txt); its name or people alone with
		// another body do not.
		{"Ministry of Disaster Management of Afghanistan", "ministry of disaster management of afghanistan", "Afghanistan"},
		{"Thai authorities", "thai authorities", "Thailand"},
		{"Morocco", "morocco", "Morocco"},
		{"Libyan Red Crescent", "libyan red crescent", "libyan red crescent"},
		{"Taliban administration", "taliban administration", "Afghanistan"},
	}
	for _, tt := range tests {
		s := NamedSource(tt.name)
		if s.Key != tt.key || s.Voice != tt.voice {
			t.Errorf("NamedSource(%q) = key %q voice %q, want %q %q", tt.name, s.Key, s.Voice, tt.key, tt.voice)
		}
	}
}

func TestRootName(t *testing.T) {
	tests := []struct {
		name     string
		entry    Entry
		want     string
		ownVoice bool
	}{
		{"the root source", Entry{Claim: Claim{Attribution: Attribution{Chain: []string{"KBS", "NIS"}, Root: "NIS"}}, Outlet: "KBS"}, "NIS", false},
		{"the innermost link when no root is set", Entry{Claim: Claim{Attribution: Attribution{Chain: []string{"ANI", "CNN"}}}, Outlet: "ANI"}, "CNN", false},
		{"the outlet in its own voice", Entry{Outlet: "Reuters"}, "Reuters", true},
		{"the article when nothing is known", Entry{Claim: Claim{Document: "dev03.txt"}}, "dev03.txt", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, own := RootName(&tt.entry)
			if name != tt.want || own != tt.ownVoice {
				t.Errorf("RootName = %q, %v; want %q, %v", name, own, tt.want, tt.ownVoice)
			}
		})
	}
}
