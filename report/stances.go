package report

import (
	"slices"
)

// A Group gathers stance categories for the actor-by-actor matrix, where
// twelve categories per cell would be unreadable.
type Group struct {
	Group string `json:"group"`
	Label string `json:"label"`
	Color string `json:"color"`
}

// The groups, in the order of the matrix quadrants and of the legend. A
// category of a user's lexicon that is none of the defaults goes to other.
var groups = []Group{
	{Group: "demand", Label: "threaten, demand, appeal", Color: "#d9720b"},
	{Group: "reject", Label: "reject, oppose, withdraw", Color: "#b2182b"},
	{Group: "propose", Label: "propose, negotiate, seek", Color: "#2166ac"},
	{Group: "support", Label: "support, accept, concede", Color: "#1b7837"},
	{Group: otherGroup, Label: "other categories", Color: "#6b6b6b"},
}

const otherGroup = "other"

// defaultStances are the categories of the embedded lexicon
// (analysis/stance/data/lexicon.yaml), in chart order: group by group, and
// within a group from the strongest act to the mildest. Each takes a shade
// of its group's colour, so that a stance looks alike in every chart.
var defaultStances = []StanceInfo{
	{Stance: "threaten", Group: "demand", Color: "#a24a00"},
	{Stance: "demand", Group: "demand", Color: "#e08214"},
	{Stance: "appeal", Group: "demand", Color: "#f9b35e"},
	{Stance: "reject", Group: "reject", Color: "#b2182b"},
	{Stance: "oppose", Group: "reject", Color: "#d6604d"},
	{Stance: "withdraw", Group: "reject", Color: "#f09a84"},
	{Stance: "propose", Group: "propose", Color: "#2166ac"},
	{Stance: "negotiate", Group: "propose", Color: "#4393c3"},
	{Stance: "seek", Group: "propose", Color: "#8ec1e0"},
	{Stance: "support", Group: "support", Color: "#1b7837"},
	{Stance: "accept", Group: "support", Color: "#4daa57"},
	{Stance: "concede", Group: "support", Color: "#9fd49a"},
}

// otherColors are the shades given in turn to other categories.
var otherColors = []string{"#5a5a5a", "#8a8a8a", "#b5b5b5"}

// A StanceInfo is a stance category as the page shows it.
type StanceInfo struct {
	Stance string `json:"stance"`
	Group  string `json:"group"`
	Color  string `json:"color"`
}

// stanceInfos returns the categories seen, in chart order: the default
// ones first, in their order, then the others alphabetically.
func stanceInfos(seen map[string]bool) []StanceInfo {
	var out []StanceInfo
	known := make(map[string]bool, len(defaultStances))
	for _, s := range defaultStances {
		known[s.Stance] = true
		if seen[s.Stance] {
			out = append(out, s)
		}
	}
	var others []string
	for s := range seen {
		if !known[s] {
			others = append(others, s)
		}
	}
	slices.Sort(others)
	for i, s := range others {
		out = append(out, StanceInfo{Stance: s, Group: otherGroup, Color: otherColors[i%len(otherColors)]})
	}
	return out
}

// groupInfos returns the groups the categories fall in, in legend order.
func groupInfos(stances []StanceInfo) []Group {
	var out []Group
	for _, g := range groups {
		if slices.ContainsFunc(stances, func(s StanceInfo) bool { return s.Group == g.Group }) {
			out = append(out, g)
		}
	}
	return out
}

// groupIndex returns the index of group in gs, or -1.
func groupIndex(gs []Group, group string) int {
	return slices.IndexFunc(gs, func(g Group) bool { return g.Group == group })
}

// groupOf returns the group of a stance category.
func groupOf(stance string) string {
	for _, s := range defaultStances {
		if s.Stance == stance {
			return s.Group
		}
	}
	return otherGroup
}
