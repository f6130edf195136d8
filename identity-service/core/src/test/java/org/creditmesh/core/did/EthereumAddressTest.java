package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ethereum addresses: Yellow Paper appendix F (address of a key) and EIP-55 (checksum). */
class EthereumAddressTest {

    /** EIP-55, "Test Cases": the mixed-case examples. */
    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55TestCasesKeepTheirChecksum(String address) throws Exception {
        assertThat(EthereumAddress.parse(address.toLowerCase()).value()).isEqualTo(address);
        assertThat(EthereumAddress.parse(address).toString()).isEqualTo(address);
    }

    @Test
    void refusesAWrongChecksum() {
        DidException e = catchThrowableOfType(DidException.class,
                () -> EthereumAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assertThat(e.error()).isEqualTo(DidError.INVALID_ETHEREUM_ADDRESS);
    }

    /** The well-known accounts of private keys 1 and 2 (secp256k1 generator G and 2G). */
    @Test
    void derivesTheAddressOfSecp256k1Keys() throws Exception {
        SigningKey one = SigningKey.fromPrivateBytes(KeyType.SECP256K1,
                HexFormat.of().parseHex("0000000000000000000000000000000000000000000000000000000000000001"));
        SigningKey two = SigningKey.fromPrivateBytes(KeyType.SECP256K1,
                HexFormat.of().parseHex("0000000000000000000000000000000000000000000000000000000000000002"));
        assertThat(EthereumAddress.of(one.publicKey()).value()).isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        assertThat(EthereumAddress.of(two.publicKey()).value()).isEqualTo("0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF");
        assertThat(EthereumAddress.of(one.publicKey()).bytes()).hasSize(20);
    }

    @Test
    void refusesNonSecp256k1Keys() {
        DidException e = catchThrowableOfType(DidException.class,
                () -> EthereumAddress.of(SigningKey.generate(KeyType.P256).publicKey()));
        assertThat(e.error()).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }
}
