package pslog

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticLog builds a large excerpt: mostly other traffic, with a
// provisioning exchange every hundred entries, in the multi-line framing.
func syntheticLog(entries int) string {
	var b strings.Builder
	for i := 0; i < entries; i++ {
		fmt.Fprintf(&b, "2024.03.11 14:%02d:%02d:%03d CET | Info       | OCI-P | Thread-%d | OCIRequest\n", i/3600%60, i/60%60, i%1000, i%40)
		fmt.Fprintf(&b, "\tUserGetRequest22V5 userId=user%d@voice.example.net sessionId=as1-%d\n\n", i, i)
		if i%100 == 0 {
			fmt.Fprintf(&b, "2024.03.11 14:00:00:000 CET | Info       | ProvisioningServer | Thread-%d | IntegratedIMPAdapter\n", i%40)
			b.WriteString("\tPOST https://broadworks-provisioning-bridge-a.wbx2.com/api/v1/subscribers HTTP/1.1\n\tContent-Type: application/xml\n\tAuthorization: Basic c2VjcmV0OnNlY3JldA==\n\n")
			fmt.Fprintf(&b, "\t<subscriberProfile><bwuserid>user%d@voice.example.net</bwuserid><group>G</group><serviceProvider>S</serviceProvider><primaryPhoneNumber>+1555%07d</primaryPhoneNumber><email>user%d@example.com</email></subscriberProfile>\n\n", i, i, i)
			fmt.Fprintf(&b, "2024.03.11 14:00:00:400 CET | Info       | ProvisioningServer | Thread-%d | IntegratedIMPAdapter\n\tHTTP/1.1 200 OK\n\n", i%40)
		}
	}
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	text := syntheticLog(100000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if l, _ := Parse("logs/pslog/big.log", text); len(l.Exchanges) != 1000 {
			b.Fatalf("%d exchanges", len(l.Exchanges))
		}
	}
}
