package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foiwatch.normalise.AuthorityRegister.Entry;
import org.junit.jupiter.api.Test;

class AuthorityRegisterTest {

  private static final AuthorityRegister REGISTER = AuthorityRegister.standard();

  private static Entry find(String name) {
    return REGISTER.find(name).orElseThrow(() -> new AssertionError("not found: " + name));
  }

  @Test
  void councilsOfEveryTypeAndNation() {
    assertEquals(new Entry("Leeds City Council", "E08000035", "Metropolitan district", "England", "239"), find("Leeds City Council"));
    assertEquals("E10000016", find("Kent County Council").gssCode());
    assertEquals("County", find("Kent County Council").type());
    assertEquals("London borough", find("Hackney Council").type());
    assertEquals("E09000020", find("Royal Borough of Kensington & Chelsea").gssCode());
    assertEquals("E09000033", find("Westminster City Council").gssCode());
    assertEquals("Non-metropolitan district", find("Borough Council of King's Lynn and West Norfolk").type());
    assertEquals("Scotland", find("The City of Edinburgh Council").nation());
    assertEquals("Scottish unitary authority", find("Comhairle nan Eilean Siar").type());
    assertEquals("Wales", find("Cyngor Caerdydd").nation());
    assertEquals("Welsh unitary authority", find("Rhondda Cynon Taf County Borough Council").type());
    assertEquals("Northern Ireland", find("Belfast City Council").nation());
    assertEquals("N09000003", find("Belfast City Council").gssCode());
  }

  @Test
  void policeForcesByTheirNamesAndAbbreviations() {
    assertEquals(new Entry("Kent Police", "E23000032", "Police force", "England", null), find("Kent Police"));
    assertEquals("E23000001", find("MPS").gssCode());
    assertEquals("E23000001", find("the Met").gssCode());
    assertEquals("E23000001", find("Metropolitan Police Service").gssCode());
    assertEquals("E23000034", find("City of London Police").gssCode());
    assertEquals("E23000035", find("Devon & Cornwall Police").gssCode());
    assertEquals("W15000004", find("Dyfed Powys Police").gssCode());
    assertEquals("Wales", find("Heddlu Gwent").nation());
    assertEquals("E23000003", find("Lancashire Constabulary").gssCode());
  }

  @Test
  void aPoliceForceNeverMatchesTheCouncilOfItsPlace() {
    assertEquals("Police force", find("Essex Police").type());
    assertEquals("County", find("Essex County Council").type());
    assertTrue(REGISTER.find("Essex Fire and Rescue Service").isEmpty());
  }

  @Test
  void bodiesOutsideTheRegisterAreNotMatched() {
    assertTrue(REGISTER.find("Transport for London").isEmpty());
    assertTrue(REGISTER.find("Leeds Teaching Hospitals NHS Trust").isEmpty());
    assertTrue(REGISTER.find("University of Leeds").isEmpty());
    assertTrue(REGISTER.find("Marlow Town Council").isEmpty());
    assertTrue(REGISTER.find("Borough Council").isEmpty());
    assertTrue(REGISTER.find("Ashcombe Vale District Council").isEmpty());
  }
}
