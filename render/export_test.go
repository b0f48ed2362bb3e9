package render

import "github.com/errcode-dev/errcode/explain"

// Test hooks.
var RateText = rateText

func RetryAdvice(d *explain.Diagnosis) string { return (&Renderer{plain: true}).retryAdvice(d) }

var Aside = aside

func Headline(d *explain.Diagnosis) string { return (&Renderer{plain: true}).explainHeadline(d) }
