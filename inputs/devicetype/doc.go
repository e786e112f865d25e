// Package devicetype is the model of BroadWorks SIP identity/device profile
// types ("Business Communicator - PC", "Connect - Mobile" …) as the checks
// see them, whatever channel they were captured through.
//
// Two channels fill it: OCI-P responses (SystemSIPDeviceTypeGetListResponse
// for the list, SystemSIPDeviceTypeGetResponse… for one type's detail; see
// package ocip) and AS_CLI captures of System/DeviceType/SIP "get" and
// "detail". The channels name some attributes differently — OCI-P says
// deviceAccessContext where the CLI says deviceAccessContextName, and nests
// the device-management options — so the fields the checks need are typed
// here, under one name, and every attribute read is also kept as it was
// written (Detail.Attrs).
//
// Every value is a source.Value with the range it was read from. An
// attribute the capture does not show is the zero Value: OCI-P leaves unset
// optional elements out, where the CLI prints "key =" with nothing after
// it, which is a present, empty value.
package devicetype
